// Writes src/domain/counting/tlds.rs: the top-level domains X's link extraction knows, in
// the order it tries them, read from npm `twitter-text` (the reference the differential test
// runs; its lists follow IANA's root zone). Run again when the test's twitter-text changes:
// `node scripts/gen_tlds.mjs`.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const list = (name) => {
  const source = require(`twitter-text/dist/regexp/${name}`).source;
  const inner = source.match(/^\(\?:\(\?:(.*)\)\(\?=\[\^0-9a-zA-Z@\+-\]\|\$\)\)$/);
  if (!inner) throw new Error(`${name}: not the shape this script reads`);
  return inner[1].split('|');
};
const generic = list('validGTLD');
const country = list('validCCTLD');
const version = require('twitter-text/package.json').version;
const rust = `//! The top-level domains a link may end with, in the order X's own link extraction tries them
//! (npm \`twitter-text\` ${version}, whose lists follow IANA's root zone): generic ones first,
//! then country codes. Written by \`node scripts/gen_tlds.mjs\`; do not edit by hand.

/// ${generic.length} generic top-level domains, separated by \`|\`.
pub const GENERIC: &str = ${JSON.stringify(generic.join('|'))};

/// ${country.length} country-code top-level domains, separated by \`|\`.
pub const COUNTRY: &str = ${JSON.stringify(country.join('|'))};
`;
writeFileSync(new URL('../src/domain/counting/tlds.rs', import.meta.url), rust);
console.log(`${generic.length} generic, ${country.length} country-code domains`);
