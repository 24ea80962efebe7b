// Progressive enhancement: offer "Use my location" only where the browser can.
(function () {
  var script = document.currentScript;
  var button = document.getElementById("use-location");
  var form = document.getElementById("nearest-form");
  var status = document.getElementById("location-status");
  if (!button || !form || !navigator.geolocation) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = script.dataset.locating;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        form.elements.lat.value = position.coords.latitude.toFixed(5);
        form.elements.lon.value = position.coords.longitude.toFixed(5);
        form.elements.district.value = "";
        form.submit();
      },
      function () { status.textContent = script.dataset.failed; },
      { timeout: 15000, maximumAge: 600000 }
    );
  });
})();
