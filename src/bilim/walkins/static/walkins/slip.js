// The print button needs JavaScript; without it the browser's own print menu still works.
(function () {
  var button = document.getElementById("print-slip");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
