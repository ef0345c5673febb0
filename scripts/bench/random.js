'use strict';
// A small seeded random source (mulberry32), so a corpus is the same for the same seed on any machine.

class Random {
  /** @param {number} seed any integer */
  constructor(seed) {
    this.state = (Number(seed) >>> 0) ^ 0x9e3779b9;
  }

  /** A float in [0, 1). */
  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [low, high], both included. */
  int(low, high) {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  chance(probability) {
    return this.next() < probability;
  }

  pick(items) {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** An item chosen with probability proportional to weight(item); undefined when all weights are 0. */
  weighted(items, weight) {
    let total = 0;
    const weights = items.map((item) => {
      const w = Math.max(0, weight(item));
      total += w;
      return w;
    });
    if (total <= 0) return undefined;
    let target = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      target -= weights[i];
      if (target < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** Up to `count` distinct items, in random order. */
  sample(items, count) {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  }
}

module.exports = { Random };
