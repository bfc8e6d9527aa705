import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const srv = spawn('node_modules/.bin/astro', ['preview','--host','127.0.0.1','--port','4401'], {stdio:'ignore'});
await new Promise(r=>setTimeout(r,2500));
const b = await chromium.launch({executablePath:'/usr/bin/chromium', args:['--no-sandbox','--disable-gpu','--disable-background-networking']});
const p = await b.newPage();
await p.goto('http://127.0.0.1:4401/');
const r = await p.evaluate(async () => {
  const pf = await import('/pagefind/pagefind.js');
  const s = await pf.search('サービスそのもの');
  const d = await Promise.all(s.results.map(x=>x.data()));
  const x = d.find(x=>x.url.includes('logic/-10000'));
  return x ? {title:x.meta.title, content:x.content.slice(0,300), wc:x.word_count, locs: x.locations.slice(0,20), words: x.weighted_locations?.slice(0,20)} : d.map(x=>x.url);
});
console.log(JSON.stringify(r,null,1));
await b.close(); srv.kill();
