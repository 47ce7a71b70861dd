// "Enlarge figure" links (see _ext/figure_zoom.py) open the image in a dialog
// instead of leaving the page. Escape, the Close button or a tap outside the
// image closes it; focus returns to the link.
(() => {
  let dialog;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "figure-zoom";
    dialog.setAttribute("aria-label", "Enlarged figure");
    const close = document.createElement("button");
    close.type = "button";
    close.className = "figure-zoom__close";
    close.textContent = "Close";
    close.addEventListener("click", () => dialog.close());
    const frame = document.createElement("div");
    frame.className = "figure-zoom__frame";
    frame.append(document.createElement("img"));
    dialog.append(close, frame);
    // A tap on the backdrop (the dialog box itself, outside its content) closes it.
    dialog.addEventListener("click", (event) => { if (event.target === dialog) dialog.close(); });
    document.body.append(dialog);
  }

  function open(link) {
    if (!dialog) build();
    const source = link.closest("figure")?.querySelector("img");
    const image = dialog.querySelector("img");
    image.src = link.href;
    image.alt = source ? source.alt : "";
    dialog.addEventListener("close", () => link.focus(), { once: true });
    dialog.showModal();
    dialog.querySelector(".figure-zoom__close").focus();
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.figure-enlarge");
    if (!link || typeof HTMLDialogElement === "undefined") return;
    event.preventDefault();
    open(link);
  });
})();
