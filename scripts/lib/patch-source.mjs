// Postinstall patches of a dependency's built code: each patch finds its code exactly once, replaces it and leaves a
// mark, so running again changes nothing. Code not found (the dependency changed) fails the install loudly.
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";

/**
 * @param {string} path the built file to patch
 * @param {{ mark: string, find: RegExp, replace: (mark: string, match: RegExpMatchArray) => string }[]} patches
 * @param {string} script the patch script to review when the code is not found
 */
export function applyPatches(path, patches, script) {
  let source = readFileSync(path, "utf8");
  for (const patch of patches) {
    if (source.includes(patch.mark)) continue;
    const matches = [...source.matchAll(new RegExp(patch.find.source, "g"))];
    if (matches.length !== 1)
      throw new Error(`${path}: "${patch.mark}" expects its code once, found ${matches.length}; the dependency changed, review ${script}`);
    source = source.replace(matches[0][0], patch.replace(patch.mark, matches[0]));
    console.log(`patched ${basename(path)}: ${patch.mark}`);
  }
  writeFileSync(path, source);
}
