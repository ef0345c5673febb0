// Delta debugging: the smallest text found, by deleting pieces, that still fails the same way.

/**
 * Deletes ever smaller pieces of `text` while `stillFails(candidate)` holds: halves, then
 * quarters, down to single code units. Stops after `maxTries` calls of stillFails.
 */
function shrink(text, stillFails, maxTries = 600) {
  let tries = 0;
  const fails = (candidate) => tries++ < maxTries && stillFails(candidate);
  let current = text;
  let pieces = 2;
  while (current.length > 0 && tries < maxTries) {
    const size = Math.ceil(current.length / pieces);
    let removed = false;
    for (let start = 0; start < current.length; start += size) {
      const candidate = current.slice(0, start) + current.slice(start + size);
      if (fails(candidate)) {
        current = candidate;
        removed = true;
        break;
      }
    }
    if (removed) pieces = Math.max(2, pieces - 1);
    else if (size === 1) break;
    else pieces = Math.min(current.length, pieces * 2);
  }
  return { text: current, tries };
}

module.exports = { shrink };
