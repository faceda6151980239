// Sources generated from the spec are committed so that a review shows what a spec change does to
// them; their generator either writes them or, with --check, fails when the committed ones differ.
import { readFileSync, writeFileSync } from 'node:fs';

export interface GeneratedFiles {
  /** Who generates them, at the start of every message (`client`, `cli`). */
  label: string;
  /** The folder they live in, as a file URL ending in `/`. */
  outDir: URL;
  /** File name → full text. */
  files: Record<string, string>;
  /** The command that regenerates them, named when they are stale. */
  rebuild: string;
}

/** Writes the files, or with `check` compares them with what is on disk; returns false when stale. */
export function syncGeneratedFiles({ label, outDir, files, rebuild }: GeneratedFiles, check: boolean): boolean {
  const names = Object.keys(files);
  if (!check) {
    for (const [name, text] of Object.entries(files)) writeFileSync(new URL(name, outDir), text);
    console.log(`${label}: wrote src/generated/${names.join(', ')}`);
    return true;
  }
  const current = (name: string) => {
    try {
      return readFileSync(new URL(name, outDir), 'utf8');
    } catch {
      return undefined;
    }
  };
  const stale = names.filter((name) => current(name) !== files[name]);
  if (stale.length) {
    console.error(`${label}: src/generated/${stale.join(', ')} differ from spec/openapi.yaml; run ${rebuild}`);
    return false;
  }
  console.log(`${label}: generated sources match the spec`);
  return true;
}
