import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const srv = spawn('node_modules/.bin/astro', ['preview','--host','127.0.0.1','--port','4400'], {stdio:'ignore'});
await new Promise(r=>setTimeout(r,2500));
const b = await chromium.launch({executablePath:'/usr/bin/chromium', args:['--no-sandbox','--disable-gpu','--disable-background-networking']});
const p = await b.newPage();
await p.goto('http://127.0.0.1:4400/'); await p.evaluate((o)=>localStorage.setItem('o',o), process.env.PFO||'{}');
const qs = process.argv.slice(2);
for (const q of qs) {
  const r = await p.evaluate(async (q) => {
    const pf = await import('/pagefind/pagefind.js'); await pf.options(JSON.parse(localStorage.getItem('o')||'{}'));
    const s = await pf.search(q);
    const d = await Promise.all(s.results.slice(0,6).map(x=>x.data()));
    return [s.results.length+"r", ...d.map((x,i)=>s.results[i].score.toFixed(2)+" "+x.url)];
  }, q);
  console.log(JSON.stringify(q), '→', r.join('  '));
}
await b.close(); srv.kill();
