import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const srv = spawn('python3', ['-m','http.server','4402','--bind','127.0.0.1','--directory','/tmp/pft/site'], {stdio:'ignore'});
await new Promise(r=>setTimeout(r,1000));
const b = await chromium.launch({executablePath:'/usr/bin/chromium', args:['--no-sandbox','--disable-gpu','--disable-background-networking']});
const p = await b.newPage();
await p.goto('http://127.0.0.1:4402/');
for (const q of process.argv.slice(2)) {
  const r = await p.evaluate(async (q) => {
    const pf = await import('/pagefind/pagefind.js');
    const s = await pf.search(q);
    const d = await Promise.all(s.results.map(x=>x.data()));
    return d.map((x,i)=>s.results[i].score.toFixed(1)+' '+x.url.replace(/\/$/,'').replace('/',''));
  }, q);
  console.log(JSON.stringify(q), '→', r.join('  '));
}
await b.close(); srv.kill();
