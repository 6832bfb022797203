// rehype plugin, run right after rehype-katex: turn KaTeX problems into build failures.
// rehype-katex 7 ignores `throwOnError` for the final output: on a bad formula it records a warning on the
// file and renders the source in red. This plugin fails the file instead, naming the formula and line.
export default function rehypeKatexFailOnError() {
  return (_tree, file) => {
    const problems = file.messages.filter((m) => m.source === 'rehype-katex');
    if (problems.length === 0) return;
    const details = problems
      .map((m) => `  line ${m.place?.start?.line ?? m.line ?? '?'}: ${m.cause?.message ?? m.reason}`)
      .join('\n');
    throw new Error(`KaTeX could not render ${problems.length} formula(s) in ${file.path ?? 'a Markdown file'}:\n${details}`);
  };
}
