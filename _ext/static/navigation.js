// Menu and "On this page" buttons that work at every width.
//
// pydata-sphinx-theme 0.17 (issue #2451) and sphinx-book-theme 1.3 attach their
// handlers to the *first* .primary-toggle / .secondary-toggle in the page: a
// header button that this layout hides. The buttons a reader sees are later ones,
// so they did nothing. Each visible button here passes its click to the theme's
// own button (which opens the drawer on narrow screens, or folds the sidebar away
// on wide ones) and reports the state in aria-expanded.
(() => {
  const pairs = [
    [".primary-toggle", "pst-primary-sidebar-modal", "pst-primary-sidebar"],
    [".secondary-toggle", "pst-secondary-sidebar-modal", "pst-secondary-sidebar"],
  ];

  function wire([selector, dialogId, sidebarId]) {
    const [bound, ...visible] = document.querySelectorAll(selector);
    const dialog = document.getElementById(dialogId);
    const sidebar = document.getElementById(sidebarId);
    if (!bound || !dialog || !sidebar) return;
    const expanded = () =>
      dialog.open || (sidebarId === "pst-primary-sidebar" &&
        window.matchMedia("(min-width: 992px)").matches &&
        !sidebar.classList.contains("pst-sidebar-hidden"));
    const report = () => visible.forEach((button) =>
      button.setAttribute("aria-expanded", String(expanded())));
    visible.forEach((button) => {
      button.setAttribute("aria-controls", sidebarId);  // the drawer once it opens
      button.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopImmediatePropagation();
        bound.click();  // the theme's handler; it remembers the focused button
        if (dialog.open) {
          button.setAttribute("aria-controls", dialogId);
          // Focus the drawer's first link: the chapter list, not the close area.
          const first = dialog.querySelector("a[href], button, input");
          if (first) first.focus();
        }
        report();
      }, true);
    });
    dialog.addEventListener("close", () => {
      report();
      // The theme returns focus to what was focused at the click; a tap on a
      // phone does not focus the button, so return it to the button explicitly.
      if (!dialog.contains(document.activeElement) && visible.length &&
          (document.activeElement === document.body || !document.activeElement)) {
        visible.find((b) => b.offsetParent !== null)?.focus();
      }
    });
    window.matchMedia("(min-width: 992px)").addEventListener("change", report);
    report();
  }

  const start = () => pairs.forEach(wire);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
