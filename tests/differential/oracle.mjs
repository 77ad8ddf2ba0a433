// Our counting and facet code (the same `domain` code the app compiles to wasm) over many
// texts at once, through the native example `text_oracle` (built by cargo when needed).
import { spawnSync } from 'node:child_process';

export function ours(texts) {
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '--example', 'text_oracle'], {
    input: JSON.stringify(texts),
    maxBuffer: 1 << 28,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`cargo run --example text_oracle exited with ${run.status}`);
  return JSON.parse(run.stdout.toString());
}
