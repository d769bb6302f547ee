/**
 * The parts of ECharts the dashboard draws with, and nothing else: bars on a grid with a legend, on canvas. The
 * canvas renderer sets no style attributes (the SVG renderer and HTML tooltips do, which the gateway's
 * Content-Security-Policy refuses), so tooltips are left out too. Loaded only when a chart is first shown.
 */
import { init, use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, CanvasRenderer]);

export { init };
