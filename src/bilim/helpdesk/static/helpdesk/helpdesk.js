// Show the field under an outcome (and "other" minutes) only when it is chosen.
// Without this script every field stays visible and the server checks them all.
(function () {
  "use strict";
  var form = document.querySelector(".consultation-form");
  if (!form) return;
  function checked(name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : "";
  }
  function update() {
    var outcome = checked("outcome");
    var duration = checked("duration");
    form.querySelectorAll("[data-when]").forEach(function (block) {
      block.hidden = block.getAttribute("data-when") !== outcome;
    });
    form.querySelectorAll("[data-when-duration]").forEach(function (block) {
      block.hidden = block.getAttribute("data-when-duration") !== duration;
    });
  }
  form.addEventListener("change", update);
  update();
})();
