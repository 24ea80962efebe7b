// Check-in helpers; the page works without them. "Scan QR code" appears only where the
// browser has a camera: a decoded code goes into the code field and the form is sent.
(function () {
  var script = document.currentScript;
  var form = document.getElementById("code-form");
  if (!form) return;
  var input = form.elements.code;
  var start = document.getElementById("scan-start");
  var stopButton = document.getElementById("scan-stop");
  var box = document.getElementById("scanner");
  var video = document.getElementById("scanner-video");
  var status = document.getElementById("scanner-status");
  var stream = null, timer = null, detector = null, last = "", lastAt = 0;
  var canvas = document.createElement("canvas");
  var ctx = canvas.getContext("2d", { willReadFrequently: true });

  // After a check-in through htmx the field is emptied for the next person.
  document.body.addEventListener("checkin-done", function () {
    input.value = "";
    if (!stream) input.focus();
  });

  // A row's button is replaced with the row: keep keyboard focus on the new one. (The old
  // form is out of the page when the answer comes, so its own events reach nobody.)
  var focusRow = null;
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var row = event.detail.elt.closest && event.detail.elt.closest(".roster-row");
    focusRow = row && row.contains(document.activeElement) ? row.id : null;
  });
  document.body.addEventListener("htmx:oobAfterSwap", function (event) {
    var row = event.target;
    if (!focusRow || !row || row.id !== focusRow) return;
    focusRow = null;
    var button = row.querySelector("button");
    if (button) button.focus();
  });

  var media = navigator.mediaDevices;
  if (!start || !media || !media.getUserMedia || !media.enumerateDevices) return;
  media.enumerateDevices().then(function (devices) {
    if (devices.some(function (d) { return d.kind === "videoinput"; })) start.hidden = false;
  });

  function useDetector() {
    if (!("BarcodeDetector" in window)) return Promise.resolve(null);
    return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      return formats.indexOf("qr_code") >= 0 ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
    }, function () { return null; });
  }

  function loadJsQR() {
    if (window.jsQR) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = script.dataset.jsqr;
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function stop() {
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null;
    clearTimeout(timer);
    box.hidden = true;
    start.hidden = false;
    status.textContent = "";
  }

  function found(text) {
    var now = Date.now();
    // The same code stays in front of the camera for a while: send it once.
    if (text === last && now - lastAt < 5000) return next();
    last = text; lastAt = now;
    input.value = text;
    if (!window.htmx) stop();  // a plain submit loads a new page
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
    next();
  }

  function next() { if (stream) timer = setTimeout(scan, 150); }

  function scan() {
    if (!stream) return;
    if (video.readyState < 2 || !video.videoWidth) return next();
    if (detector) {
      detector.detect(video).then(function (codes) {
        if (codes.length) found(codes[0].rawValue); else next();
      }, next);
      return;
    }
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
    var image = ctx.getImageData(0, 0, canvas.width, canvas.height);
    var code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
    if (code && code.data) found(code.data); else next();
  }

  start.addEventListener("click", function () {
    status.textContent = script.dataset.starting;
    Promise.all([
      media.getUserMedia({ video: { facingMode: "environment" }, audio: false }),
      useDetector().then(function (d) { detector = d; return d ? null : loadJsQR(); }),
    ]).then(function (results) {
      stream = results[0];
      video.srcObject = stream;
      video.play();
      box.hidden = false;
      start.hidden = true;
      status.textContent = script.dataset.scanning;
      stopButton.focus();
      scan();
    }, function () {
      stop();
      status.textContent = script.dataset.noCamera;
    });
  });
  stopButton.addEventListener("click", function () { stop(); start.focus(); });
})();
