// Progressive enhancement only: every page reads fully without this file.
// 1. «Відео дня»: the YouTube player (youtube-nocookie) loads only when the reader clicks.
// 2. Fresh news gets «5 хвилин тому» next to its absolute time, computed here, never baked in.
// 3. The breaking news banner hides at its end (data-until), in pages kept from before.
// 4. Over http(s), the service worker for reading on the go (src/offline.ts); browsers refuse
//    one on file://, where every page is on the disk anyway.
(function () {
  "use strict";

  var worker = document.currentScript && document.currentScript.getAttribute("data-worker");
  if (worker && "serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register(worker).catch(function () {});
  }

  // The breaking news banner goes at its end, also in a page kept from before (the browser's
  // cache, the service worker's copy offline). (setTimeout's delay is at most 2^31 − 1 ms.)
  document.querySelectorAll(".breaking[data-until]").forEach(function (banner) {
    var left = Date.parse(banner.getAttribute("data-until")) - Date.now();
    var hide = function () {
      banner.hidden = true;
    };
    if (!(left > 0)) hide();
    else if (left < 2147483647) setTimeout(hide, left);
  });

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.video-preview[data-embed]") : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.className = "video-frame";
    frame.src = link.getAttribute("data-embed");
    frame.title = link.getAttribute("data-title") || "Відео дня";
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    link.replaceWith(frame);
  });

  if (!("RelativeTimeFormat" in Intl)) return;
  // (Made only for a page with fresh news: a browser takes 40–90 ms to make its first one.)
  var format = null;
  var steps = [["minute", 60], ["hour", 24]];
  document.querySelectorAll("time[data-relative]").forEach(function (time) {
    var minutes = (Date.parse(time.getAttribute("datetime")) - Date.now()) / 60000;
    if (!(minutes <= 0 && minutes > -24 * 60)) return;
    format = format || new Intl.RelativeTimeFormat("uk", { numeric: "auto" });
    var value = minutes;
    var unit = "minute";
    for (var i = 0; i < steps.length; i++) {
      unit = steps[i][0];
      if (Math.abs(value) < steps[i][1]) break;
      value = value / steps[i][1];
    }
    var note = document.createElement("span");
    note.className = "relative-time";
    note.textContent = " (" + format.format(Math.round(value), unit) + ")";
    time.after(note);
  });
})();
