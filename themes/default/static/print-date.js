// The date a page is printed, for its printed footer. Without JavaScript the footer simply
// goes without it: the page's address and the date of its last review are printed anyway.
addEventListener("beforeprint", () => {
  const line = document.querySelector(".printed-on");
  if (!line) return;
  const today = new Date().toLocaleDateString(document.documentElement.lang || "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  line.textContent = `Printed on ${today}.`;
  line.hidden = false;
});
