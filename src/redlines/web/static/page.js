// Evidence page: bring the first highlighted sentence of each open article into view.
(function () {
  "use strict";
  document.querySelectorAll("[data-scroll-mark]").forEach((box) => {
    const m = box.querySelector("mark");
    if (m) box.scrollTop = Math.max(0, m.offsetTop - box.offsetTop - 40);
  });
})();
