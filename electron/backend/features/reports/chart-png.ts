/**
 * The DOCX's charts: the same ECharts option the screen draws, rendered server-side to SVG (ssr) and
 * rasterised by resvg. resvg draws text only with the font files it is given: Cyrillic needs a font
 * that has it, so Liberation Sans / DejaVu Sans are loaded from the system (on Debian they come with
 * fonts-liberation / fonts-dejavu-core, which LibreOffice pulls in).
 */
import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { localizeOption } from './charts.js';

const CANDIDATES = [
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
  'C:\\Windows\\Fonts\\arialbd.ttf',
  '/Library/Fonts/Arial.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
];

let fontFiles: string[] | null = null;
const fonts = () => (fontFiles ??= CANDIDATES.filter((f) => fs.existsSync(f)));

/** Width and height in CSS pixels; the PNG is drawn at `scale` times that for print. */
export function renderChartPng(option: Record<string, unknown>, width = 760, height = 380, scale = 2): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    // The document writes «Рисунок N — …» under the picture: no title inside it.
    const grid = (option.grid ?? {}) as Record<string, unknown>;
    chart.setOption({ ...localizeOption(option), title: { show: false }, grid: { ...grid, top: 16 } });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const files = fonts();
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'width', value: width * scale },
    font: {
      fontFiles: files,
      // Nothing found among the usual places: let resvg look through the system's fonts.
      loadSystemFonts: files.length === 0,
      defaultFontFamily: files.some((f) => /Liberation/.test(f)) ? 'Liberation Sans' : files.some((f) => /DejaVu/.test(f)) ? 'DejaVu Sans' : 'Arial',
      sansSerifFamily: files.some((f) => /Liberation/.test(f)) ? 'Liberation Sans' : 'DejaVu Sans',
    },
  });
  return Buffer.from(resvg.render().asPng());
}
