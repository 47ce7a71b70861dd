// Search result snippets: the matching sentence from the article (see _ext/search_snippets.py).
// Sphinx's searchtools.js defines `Search` after this file runs, and shows results
// only after the page is loaded, so the two methods are replaced at DOMContentLoaded.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined") return;
  const NOT_TEXT = [".headerlink", "script", "style", "nav", ".toctree-wrapper",
    ".chapter-list", "details.hide", ".figure-enlarge", ".prev-next-area", ".backrefs"];
  const MAX = 260;

  Search.htmlToText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    const article = doc.querySelector("article.bd-article") || doc.querySelector('[role="main"]');
    if (!article) return "";
    article.querySelectorAll(NOT_TEXT.join(",")).forEach((el) => el.remove());
    const part = anchor ? article.querySelector(anchor) : null;
    return (part || article).textContent.replace(/\s+/g, " ").trim();
  };

  Search.makeSearchSummary = (htmlText, keywords, anchor) => {
    const text = Search.htmlToText(htmlText, anchor);
    if (!text) return null;
    const words = [...keywords].map((k) => k.toLowerCase()).filter(Boolean);
    const sentences = text.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g) || [text];
    let sentence = sentences.find((s) => words.some((w) => s.toLowerCase().includes(w)))
      || sentences[0];
    sentence = sentence.trim();
    if (sentence.length > MAX) {
      const hits = words.map((w) => sentence.toLowerCase().indexOf(w)).filter((i) => i >= 0);
      const at = hits.length ? Math.min(...hits) : 0;
      const start = Math.max(0, Math.min(at - 80, sentence.length - MAX));
      sentence = (start ? "…" : "") + sentence.slice(start, start + MAX).trim() + "…";
    }
    const summary = document.createElement("p");
    summary.classList.add("context");
    summary.textContent = sentence;
    return summary;
  };
});
