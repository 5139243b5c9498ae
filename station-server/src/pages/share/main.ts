// The share page's one bit of script: a Share button where the browser has the Web Share API (phones),
// and Copy the link where it has the clipboard. Without either, the buttons stay hidden; the page
// itself (player, downloads, video) works without any script.
const bar = document.querySelector<HTMLElement>('.share-actions');
if (bar) {
  const { url = location.href, title = document.title, text = '', copied = '' } = bar.dataset;
  const shareButton = bar.querySelector<HTMLButtonElement>('[data-action="share"]');
  const copyButton = bar.querySelector<HTMLButtonElement>('[data-action="copy"]');
  const canShare = typeof navigator.share === 'function';
  const canCopy = !!navigator.clipboard && window.isSecureContext;
  if (shareButton) shareButton.hidden = !canShare;
  if (copyButton) copyButton.hidden = !canCopy;
  bar.hidden = !canShare && !canCopy;
  shareButton?.addEventListener('click', () => {
    // A person closing the share sheet rejects the promise: that is not an error to show.
    navigator.share({ title, text, url }).catch(() => undefined);
  });
  copyButton?.addEventListener('click', () => {
    navigator.clipboard.writeText(url).then(
      () => {
        copyButton.textContent = copied;
      },
      () => undefined,
    );
  });
}
