// rekenblad web: upload with progress, show each file's answer, offer downloads from memory. No other scripts.
(function () {
  "use strict";
  const formulier = document.getElementById("formulier");
  const invoer = document.getElementById("bestanden");
  const vlak = document.getElementById("sleepvlak");
  const gekozen = document.getElementById("gekozen");
  const knop = document.getElementById("bereken");
  const voortgang = document.getElementById("voortgang");
  const balk = document.getElementById("balk");
  const voortgangTekst = document.getElementById("voortgang-tekst");
  const fout = document.getElementById("fout");
  const resultaten = document.getElementById("resultaten");
  const lijst = document.getElementById("lijst");
  let urls = [];

  function toonGekozen() {
    const n = invoer.files.length;
    gekozen.textContent = n === 0 ? "Nog geen bestand gekozen."
      : n === 1 ? "Gekozen: " + invoer.files[0].name
      : n + " bestanden gekozen: " + Array.from(invoer.files).map(f => f.name).join(", ");
  }
  invoer.addEventListener("change", toonGekozen);

  ["dragenter", "dragover"].forEach(t => vlak.addEventListener(t, e => {
    e.preventDefault();
    vlak.classList.add("erboven");
  }));
  ["dragleave", "drop"].forEach(t => vlak.addEventListener(t, () => vlak.classList.remove("erboven")));
  vlak.addEventListener("drop", e => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length > 0) {
      invoer.files = e.dataTransfer.files;
      toonGekozen();
    }
  });

  function el(tag, tekst, klasse) {
    const e = document.createElement(tag);
    if (tekst !== undefined && tekst !== null) { e.textContent = tekst; }
    if (klasse) { e.className = klasse; }
    return e;
  }

  function lijstMet(items, klasse) {
    const ul = el("ul", null, klasse);
    items.forEach(t => ul.appendChild(el("li", t)));
    return ul;
  }

  function download(naam, blob, label) {
    const url = URL.createObjectURL(blob);
    urls.push(url);
    const a = el("a", label);
    a.href = url;
    a.download = naam;
    return a;
  }

  function bytesUit(base64) {
    const bin = atob(base64);
    const b = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) { b[i] = bin.charCodeAt(i); }
    return b;
  }

  function toon(antwoord) {
    urls.forEach(u => URL.revokeObjectURL(u));
    urls = [];
    lijst.replaceChildren();
    antwoord.bestanden.forEach(b => {
      const art = el("article", null, "bestand " + b.status.replace(" ", "-"));
      art.setAttribute("data-naam", b.naam);
      const kop = el("h3", b.naam);
      kop.appendChild(el("span", b.status, "status"));
      art.appendChild(kop);
      art.appendChild(el("p", b.titel ? "Herkend als " + b.titel + "." : (b.melding || "Niet herkend."), "klein herkend"));
      if (b.aansluiting.length > 0) {
        const box = el("div", null, "aansluiting");
        box.setAttribute("role", "alert");
        box.appendChild(el("strong", "Let op: de aangifte sluit niet aan op de grootboekrekeningen."));
        box.appendChild(lijstMet(b.aansluiting));
        art.appendChild(box);
      }
      if (b.cijfers.length > 0) {
        const dl = el("dl", null, "cijfers");
        b.cijfers.forEach(c => { dl.appendChild(el("dt", c.naam)); dl.appendChild(el("dd", c.waarde)); });
        art.appendChild(dl);
      }
      if (b.fouten.length > 0) {
        art.appendChild(el("p", "Fouten (het bestand is niet doorgerekend):", "fout"));
        art.appendChild(lijstMet(b.fouten, "fouten"));
      }
      if (b.waarschuwingen.length > 0) {
        art.appendChild(el("p", "Waarschuwingen:"));
        art.appendChild(lijstMet(b.waarschuwingen, "waarschuwingen"));
      }
      if (b.werkboek || b.json) {
        const p = el("p", null, "downloads");
        if (b.werkboek) {
          p.appendChild(download(b.werkboek.naam, new Blob([bytesUit(b.werkboek.base64)],
            {type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}), "Werkboek " + b.werkboek.naam));
        }
        if (b.json) {
          p.appendChild(download(b.json.naam, new Blob([b.json.tekst], {type: "application/json"}), "JSON " + b.json.naam));
        }
        art.appendChild(p);
      }
      lijst.appendChild(art);
    });
    resultaten.hidden = false;
  }

  function klaar() {
    knop.disabled = false;
    voortgang.hidden = true;
  }

  formulier.addEventListener("submit", e => {
    e.preventDefault();
    fout.hidden = true;
    if (invoer.files.length === 0) {
      fout.textContent = "Kies eerst een of meer bestanden.";
      fout.hidden = false;
      invoer.focus();
      return;
    }
    const data = new FormData(formulier);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/verwerk");
    xhr.responseType = "json";
    xhr.upload.addEventListener("progress", ev => {
      if (ev.lengthComputable) {
        balk.value = Math.round(100 * ev.loaded / ev.total);
        voortgangTekst.textContent = "Versturen… " + balk.value + "%";
      }
    });
    xhr.upload.addEventListener("load", () => {
      balk.removeAttribute("value");
      voortgangTekst.textContent = "Rekenen…";
    });
    xhr.addEventListener("load", () => {
      klaar();
      const antwoord = xhr.response;
      if (xhr.status === 200 && antwoord && antwoord.bestanden) {
        voortgangTekst.textContent = "";
        toon(antwoord);
        resultaten.querySelector("h2").focus();
      } else {
        fout.textContent = antwoord && antwoord.fout ? "Niet gelukt: " + antwoord.fout
          : "Niet gelukt (status " + xhr.status + ").";
        fout.hidden = false;
      }
    });
    xhr.addEventListener("error", () => {
      klaar();
      fout.textContent = "De server is niet bereikbaar. Draait rekenblad web nog?";
      fout.hidden = false;
    });
    knop.disabled = true;
    voortgang.hidden = false;
    balk.value = 0;
    voortgangTekst.textContent = "Versturen…";
    xhr.send(data);
  });
  document.getElementById("kop-resultaten").tabIndex = -1;
})();
