/**
 * A maker of ids unique among those it has made: an id made before comes back with "<separator>2",
 * "<separator>3"… in the order asked, so the same input in the same order gives the same ids.
 */
export function uniqueIds(separator: string): (id: string) => string {
  const taken = new Set<string>();
  return (id) => {
    let unique = id;
    for (let n = 2; taken.has(unique); n++) unique = `${id}${separator}${n}`;
    taken.add(unique);
    return unique;
  };
}
