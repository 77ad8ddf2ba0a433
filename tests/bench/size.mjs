// What the release wasm is made of (issue 17): `twiggy` over a build that keeps function
// names (the release build's own cargo output, put through wasm-bindgen and wasm-opt -Oz the
// way Trunk does, with names kept: `scripts/bench.sh` makes it). Writes
// bench-results/size.json and prints the top items by retained size and the crates by the
// bytes of their own code.
// Usage: node tests/bench/size.mjs <named.wasm> [shipped.wasm]
//
// A crate's figure is the sum of the shallow sizes of the functions named in it: retained
// sizes overlap (a function's callees are counted in each caller), so they do not add up.
// A generic function is counted in the crate that defines it, even when our code is what
// made the copy (`tachys::…<attache::ui::…>`); `made_for_attache` sums every function whose
// name mentions `attache::`, wherever defined. Data segments (string tables, constants) are
// one entry, `data`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [named, shipped] = process.argv.slice(2);
if (!named) { console.error('usage: node tests/bench/size.mjs <named.wasm> [shipped.wasm]'); process.exit(2); }
const twiggy = (...args) => JSON.parse(execFileSync('twiggy', [...args, '--format', 'json', named], { maxBuffer: 1 << 28 }).toString());

const items = twiggy('top', '-n', '1000000');
// The table and element section and the names retain everything; leave them out of the list.
const structural = (name) => /^(table|elem|type|global|import|export|func)\[\d+\]$|^"function names"|^custom section|^data segment/.test(name) || name === 'wasm magic bytes';
const retained = twiggy('top', '--retained', '-n', '60').filter((i) => !structural(i.name)).slice(0, 30);
const total = items.reduce((sum, i) => sum + i.shallow_size, 0);

/// The crate an item belongs to: the first path segment of its demangled name (`core[hash]`
/// as `core`); for a generic parameter's impl (`<F as tachys::…::Trait>::f`), the trait's crate;
/// a primitive's inherent method (`<str>::to_lowercase`) is `core`.
function crateOf(name) {
  if (/^data\[\d+\]$/.test(name) || name.startsWith('data segment')) return 'data (string tables, constants)';
  if (/^(code|elem|type|table|global|import|export|func)\[|^"function names"|^custom section|^wasm magic/.test(name)) return '(wasm sections)';
  const path = (text) => text.replace(/^[<&*\s]+(mut\s+|dyn\s+|const\s+)?/, '').match(/^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/)?.[1];
  const generic = name.match(/^<[A-Z][A-Za-z0-9]* as (.*)$/);
  if (generic) return path(generic[1]) ?? '(other)';
  if (/^<(str|char|f32|f64|u\d+|i\d+|usize|isize|bool|\[\w+\])>::/.test(name)) return 'core';
  return path(name) ?? '(other)';
}

const crates = new Map();
let madeForUs = 0;
for (const { name, shallow_size: size } of items) {
  crates.set(crateOf(name), (crates.get(crateOf(name)) ?? 0) + size);
  if (name.includes('attache::')) madeForUs += size;
}
const byCrate = [...crates].sort((a, b) => b[1] - a[1]).map(([crate, bytes]) => ({ crate, bytes, percent: +(100 * bytes / total).toFixed(2) }));
const top = retained.map((i) => ({ name: i.name, retained: i.retained_size, shallow: i.shallow_size, retained_percent: +i.retained_size_percent.toFixed(2) }));

const compressed = (file) => {
  const b = readFileSync(file);
  return {
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length,
  };
};
const out = {
  named_wasm: named, named_bytes: total, made_for_attache: madeForUs,
  shipped: shipped ? { file: shipped, ...compressed(shipped) } : undefined,
  top_retained: top, by_crate: byCrate,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/size.json', JSON.stringify(out, null, 2));

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
if (out.shipped) console.log(`shipped wasm    ${kb(out.shipped.raw)} raw, ${kb(out.shipped.gzip)} gzip, ${kb(out.shipped.brotli)} Brotli`);
console.log(`named build     ${kb(total)}; functions whose name mentions attache:: ${kb(madeForUs)} (${(100 * madeForUs / total).toFixed(1)} %)`);
console.log('\ncrates by their own code (shallow bytes)');
for (const c of byCrate.slice(0, 25)) console.log(`  ${c.crate.padEnd(28)} ${kb(c.bytes).padStart(10)}  ${c.percent.toFixed(1).padStart(5)} %`);
console.log('\ntop 30 items by retained size');
for (const i of top) console.log(`  ${kb(i.retained).padStart(10)} ${i.retained_percent.toFixed(1).padStart(5)} %  ${i.name.slice(0, 110)}`);
console.log('\nwritten to bench-results/size.json');
