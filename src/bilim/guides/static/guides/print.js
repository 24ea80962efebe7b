// The "Print" button needs a script to call the browser's print dialog, so it stays
// hidden without JavaScript (the browser's own Print menu still works).
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
