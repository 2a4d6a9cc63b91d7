// The rule pages, bundled into the web worker by esbuild.mjs (scripts/esbuild-plugins.mjs): for each rule id, the
// sections of docs/rules/<id>.md the hover quotes.
declare module 'dockguard:rule-pages' {
  const pages: Readonly<Record<string, string>>;
  export default pages;
}
