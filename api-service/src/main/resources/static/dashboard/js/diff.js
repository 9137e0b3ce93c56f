// A line diff of two JSON values (pretty-printed), by longest common subsequence.

const MAX_LINES = 2000;

/** [{kind: 'same'|'added'|'removed', text}] turning before into after. */
export function diffLines(before, after) {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  if (a.length > MAX_LINES || b.length > MAX_LINES) {
    return [...a.map(text => ({kind: 'removed', text})), ...b.map(text => ({kind: 'added', text}))];
  }
  const lcs = Array.from({length: a.length + 1}, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const result = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      result.push({kind: 'same', text: a[i]});
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      result.push({kind: 'removed', text: a[i++]});
    } else {
      result.push({kind: 'added', text: b[j++]});
    }
  }
  while (i < a.length) result.push({kind: 'removed', text: a[i++]});
  while (j < b.length) result.push({kind: 'added', text: b[j++]});
  return result;
}

/** Stable pretty JSON: object keys sorted, so key order never shows as a change. */
export function canonicalJson(value) {
  const sort = v => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v).sort().map(key => [key, sort(v[key])]));
    }
    return v;
  };
  return value === undefined ? '' : JSON.stringify(sort(value), null, 2);
}
