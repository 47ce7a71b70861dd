// A visible cue on tables wider than the screen (see _ext/tables.py): a line
// "Scroll sideways for more columns" above the table while it has more to show,
// and a shadow beside the sticky first column once it has been scrolled.
(() => {
  function update(region) {
    const more = region.scrollWidth - region.clientWidth > 1;
    const hint = region.previousElementSibling?.classList.contains("table-scroll-hint")
      ? region.previousElementSibling : null;
    region.classList.toggle("scrolls", more);
    region.classList.toggle("scrolled", region.scrollLeft > 0);
    if (more && !hint) {
      const line = document.createElement("p");
      line.className = "table-scroll-hint";
      line.setAttribute("aria-hidden", "true");
      line.textContent = "Scroll sideways for more columns →";
      region.before(line);
    } else if (!more && hint) {
      hint.remove();
    }
  }
  function start() {
    const regions = document.querySelectorAll(".table-scroll");
    const watch = new ResizeObserver((entries) => entries.forEach((e) => update(e.target)));
    regions.forEach((region) => {
      watch.observe(region);
      region.addEventListener("scroll", () => update(region), { passive: true });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
