/**
 * The Graph API `fields` parameter: a comma-separated list where an edge or object field can name
 * its own sub-fields in braces (`reviewer{id,name},open_graph_story{id,comments{message}}`) and
 * carry modifiers such as `.limit(5)`, which the fake ignores. Only the named fields are answered,
 * as Graph does; `id` comes back whether named or not.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type FieldTree = Map<string, FieldTree | null>;

export function parseFields(text: string): FieldTree {
  let i = 0;
  function list(): FieldTree {
    const out: FieldTree = new Map();
    while (i < text.length && text[i] !== '}') {
      let name = '';
      while (i < text.length && !',{}'.includes(text[i] as string)) name += text[i++];
      let sub: FieldTree | null = null;
      if (text[i] === '{') {
        i++;
        sub = list();
        i++; // the closing brace
      }
      const clean = name.trim().replace(/\..*$/, '');
      if (clean !== '') out.set(clean, sub);
      if (text[i] === ',') i++;
    }
    return out;
  }
  return list();
}

/** `value` reduced to the fields in `tree` (all of it when there is no tree). Lists are `{ data }` edges. */
export function projectFields(value: Json, tree: FieldTree | null): Json {
  if (tree === null || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => projectFields(v, tree));
  if (Array.isArray(value.data)) return { ...value, data: value.data.map((v) => projectFields(v, tree)) };
  const out: { [key: string]: Json } = {};
  if (value.id !== undefined) out.id = value.id;
  for (const [name, sub] of tree) {
    const v = value[name];
    if (v !== undefined) out[name] = projectFields(v, sub);
  }
  return out;
}
