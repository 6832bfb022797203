// remark plugin: give a heading a fixed id with a trailing MDX comment,
//   ## Why enlarging is ill-posed {/* #ill-posed */}
// The English and Japanese versions of a chapter share ids this way, so the language switch can keep the
// reader's place (#hash) and the in-page outline links match. Headings without the marker keep Astro's
// automatic slug.
const MARKER = /^\s*\/\*\s*#([A-Za-z][\w-]*)\s*\*\/\s*$/;

export default function remarkHeadingIds() {
  return (tree) => {
    walk(tree, (node) => {
      if (node.type !== 'heading') return;
      const last = node.children.at(-1);
      if (!last || last.type !== 'mdxTextExpression') return;
      const match = MARKER.exec(last.value);
      if (!match) return;
      node.children.pop();
      const before = node.children.at(-1);
      if (before && before.type === 'text') before.value = before.value.replace(/\s+$/, '');
      node.data ??= {};
      node.data.hProperties = { ...(node.data.hProperties ?? {}), id: match[1] };
    });
  };
}

function walk(node, fn) {
  fn(node);
  if (Array.isArray(node.children)) for (const child of node.children) walk(child, fn);
}
