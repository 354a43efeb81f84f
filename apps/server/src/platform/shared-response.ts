/**
 * One answer object sent to many requests is checked against its route's response contract and serialised
 * once, not once per request. A route marks such an object with `shareResponse` (the object is frozen, so the
 * text kept for it can never go stale); `serializeSharedOnce` wraps the app's serializer compiler so that a
 * marked object's JSON text is made by the route's own serializer the first time and reused after.
 * Unmarked answers go through the serializer as before, every time.
 *
 * @example
 *   return shareResponse(board); // in a handler whose board several waiting requests share
 */
const marked = new WeakSet<object>();
const texts = new WeakMap<object, string>();

/** Marks (and freezes, shallowly) an answer several requests are sent; returns it. */
export function shareResponse<T extends object>(body: T): T {
  marked.add(Object.freeze(body));
  return body;
}

type Serializer = (data: unknown) => string;

/** Wraps a serializer compiler: each route's serializer serialises a shared answer once. */
export function serializeSharedOnce<Route>(
  compile: (route: Route) => Serializer,
): (route: Route) => Serializer {
  return (route) => {
    const serialize = compile(route);
    return (data) => {
      if (typeof data !== 'object' || data === null || !marked.has(data)) return serialize(data);
      const kept = texts.get(data);
      if (kept !== undefined) return kept;
      const text = serialize(data);
      texts.set(data, text);
      return text;
    };
  };
}
