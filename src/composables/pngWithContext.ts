// A saved chart says what it shows: the chart's PNG with its title, the active filters, the date
// and the data version written above it, on a white background.

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  // Break anywhere: Chinese has no spaces, and a long agency list must not run off the image.
  for (const ch of text) {
    if (line !== '' && ctx.measureText(line + ch).width > width) {
      out.push(line);
      line = ch.trimStart();
    } else line += ch;
  }
  if (line !== '') out.push(line);
  return out;
}

const FONT = 'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/** `chartPng` (a data URL at `pixelRatio`) with a header of `title` and `lines`, as a PNG data URL. */
export async function pngWithContext(
  chartPng: string,
  title: string,
  lines: readonly string[],
  pixelRatio = 2,
): Promise<string> {
  const img = new Image();
  img.src = chartPng;
  await img.decode();
  const pad = 16 * pixelRatio;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) return chartPng;
  measure.font = `${12 * pixelRatio}px ${FONT}`;
  const body = lines.flatMap((l) => wrap(measure, l, img.width - 2 * pad));
  const titleH = 22 * pixelRatio;
  const lineH = 17 * pixelRatio;
  const head = pad + titleH + body.length * lineH + pad / 2;
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height + head;
  const ctx = canvas.getContext('2d');
  if (!ctx) return chartPng;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1f2a37';
  ctx.textBaseline = 'top';
  ctx.font = `600 ${16 * pixelRatio}px ${FONT}`;
  ctx.fillText(title, pad, pad);
  ctx.fillStyle = '#4b5563';
  ctx.font = `${12 * pixelRatio}px ${FONT}`;
  body.forEach((l, i) => ctx.fillText(l, pad, pad + titleH + i * lineH));
  ctx.drawImage(img, 0, head);
  return canvas.toDataURL('image/png');
}
