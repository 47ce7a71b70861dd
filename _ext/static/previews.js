// Previews of glossary terms and citations (see _ext/previews.py).
(() => {
  const TERM = 'a.reference[href*="glossary.html#term-"], a.reference[href^="#term-"]';
  const CITE = '.bibtex-citation a.reference[href^="#"]';
  const glossaries = new Map();  // glossary page URL -> Promise<Document>
  let box, current = null, hideTimer = 0, lastPointer = "mouse", openAtTap = false;

  function makeBox() {
    box = document.createElement("div");
    box.id = "book-preview";
    box.className = "book-preview";
    box.setAttribute("role", "tooltip");
    box.hidden = true;
    box.addEventListener("mouseenter", () => clearTimeout(hideTimer));
    box.addEventListener("mouseleave", () => hideSoon());
    document.body.append(box);
  }

  function glossary(url) {
    if (!glossaries.has(url)) {
      glossaries.set(url, fetch(url).then((r) => r.ok ? r.text() : Promise.reject(r.status))
        .then((text) => new DOMParser().parseFromString(text, "text/html")));
    }
    return glossaries.get(url);
  }

  // The preview's content: a copy of the definition or the reference, links as text.
  async function content(link) {
    const url = new URL(link.href, location.href);
    const id = decodeURIComponent(url.hash.slice(1));
    let source = null, title = "";
    if (link.matches(CITE)) {
      source = document.getElementById(id)?.querySelector("p");
    } else {
      const page = url.pathname === location.pathname ? document
        : await glossary(url.href.split("#")[0]);
      const term = page.getElementById(id);
      title = term ? term.firstChild.textContent.trim() : "";
      source = term?.nextElementSibling?.matches("dd") ? term.nextElementSibling : null;
    }
    if (!source) return null;
    const copy = source.cloneNode(true);
    copy.querySelectorAll("a").forEach((a) => a.replaceWith(...a.childNodes));
    copy.querySelectorAll("[id]").forEach((e) => e.removeAttribute("id"));
    const parts = [];
    if (title) {
      const strong = document.createElement("strong");
      strong.textContent = title;
      parts.push(strong);
    }
    parts.push(...(copy.matches("dd") ? copy.childNodes : [copy]));
    return parts;
  }

  function place(link) {
    const r = link.getBoundingClientRect();
    const width = Math.min(448, document.documentElement.clientWidth - 16);
    box.style.maxWidth = `${width}px`;
    const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    box.style.left = `${left + window.scrollX}px`;
    box.style.top = `${r.bottom + window.scrollY + 6}px`;
    // Above the link when there is no room below it.
    const height = box.offsetHeight;
    if (r.bottom + 6 + height > window.innerHeight && r.top - 6 - height > 0) {
      box.style.top = `${r.top + window.scrollY - 6 - height}px`;
    }
  }

  async function show(link) {
    clearTimeout(hideTimer);
    if (current === link && !box.hidden) return;
    current = link;
    let parts = null;
    try { parts = await content(link); } catch (error) { parts = null; }
    if (current !== link || !parts) return;
    box.replaceChildren(...parts);
    box.hidden = false;
    link.setAttribute("aria-describedby", box.id);
    place(link);
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!box || box.hidden) return;
    box.hidden = true;
    current?.removeAttribute("aria-describedby");
    current = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  function start() {
    const links = document.querySelectorAll(`${TERM}, ${CITE}`);
    if (!links.length) return;
    makeBox();
    links.forEach((link) => {
      // The browser's own title tooltip would cover the preview.
      if (link.title) { link.dataset.title = link.title; link.removeAttribute("title"); }
      link.addEventListener("pointerdown", (e) => {
        lastPointer = e.pointerType;
        openAtTap = current === link && !box.hidden;  // before focus opens it
      });
      link.addEventListener("mouseenter", () => { if (lastPointer !== "touch") show(link); });
      link.addEventListener("mouseleave", () => hideSoon());
      link.addEventListener("focus", () => show(link));
      link.addEventListener("blur", () => hideSoon());
      link.addEventListener("click", (event) => {
        // A first tap on a touch screen previews; a second tap follows the link.
        if (lastPointer === "touch" && !openAtTap) {
          event.preventDefault();
          show(link);
        }
      });
    });
    document.addEventListener("keydown", (e) => { if (e.key === "Escape") hide(); });
    document.addEventListener("pointerdown", (e) => {
      lastPointer = e.pointerType;
      if (!box.contains(e.target) && !e.target.closest?.(`${TERM}, ${CITE}`)) hide();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
