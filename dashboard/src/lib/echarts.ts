// Only the charts and components Atalaya draws, so the bundle stays small (loaded with import() on the client).
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, MapChart, ScatterChart, PieChart, EffectScatterChart } from 'echarts/charts';
import {
  GridComponent, TooltipComponent, LegendComponent, TitleComponent, DatasetComponent, VisualMapComponent,
  GeoComponent, MarkLineComponent, MarkAreaComponent, DataZoomComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, CustomChart, LineChart, MapChart, ScatterChart, PieChart, EffectScatterChart, GridComponent, TooltipComponent, LegendComponent,
  TitleComponent, DatasetComponent, VisualMapComponent, GeoComponent, MarkLineComponent, MarkAreaComponent, DataZoomComponent,
  CanvasRenderer,
]);

export { echarts };
