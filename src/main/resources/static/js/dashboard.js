// Charts of the dashboards, drawn with Apache ECharts from the figures in each chart's
// data-chart attribute. Progressive enhancement only: every figure is also in a table,
// and without this file the charts stay hidden.
document.addEventListener("DOMContentLoaded", () => {
	const charts = document.querySelectorAll(".chart[data-chart]");
	if (!window.echarts || charts.length === 0) {
		return;
	}
	const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
	const ink = "#1b1f24";
	const palette = ["#0b4f8a", "#a34a00", "#2e6b30", "#6a3d9a", "#4a5560"];
	const drawn = [];

	const heightOf = (spec) => {
		if (!spec.horizontal) {
			return 240;
		}
		const bars = spec.categories.length * Math.max(1, spec.series.length);
		return Math.max(160, bars * 22 + spec.categories.length * 10 + (spec.series.length > 1 ? 60 : 30));
	};

	const option = (spec, width) => {
		const labelWidth = Math.max(80, Math.min(200, Math.floor(width * 0.35)));
		const categoryAxis = {
			type: "category",
			data: spec.categories,
			inverse: spec.horizontal,
			axisLabel: spec.horizontal
				? { color: ink, width: labelWidth, overflow: "truncate", interval: 0 }
				: { color: ink, interval: 0 },
			axisLine: { lineStyle: { color: ink } },
			axisTick: { lineStyle: { color: ink } },
		};
		const valueAxis = {
			type: "value",
			axisLabel: { color: ink },
			splitLine: { lineStyle: { color: "#c9d1d9" } },
		};
		return {
			animation: !reduceMotion,
			color: palette,
			textStyle: { fontFamily: "\"Segoe UI\", \"Noto Sans\", \"DejaVu Sans\", Arial, sans-serif", fontSize: 13 },
			legend: spec.series.length > 1
				? { bottom: 0, left: 0, selectedMode: false, textStyle: { color: ink } }
				: undefined,
			grid: spec.horizontal
				? { left: labelWidth + 16, right: 88, top: 12, bottom: spec.series.length > 1 ? 64 : 28, containLabel: false }
				: { left: 8, right: 24, top: 24, bottom: spec.series.length > 1 ? 56 : 8, containLabel: true },
			xAxis: spec.horizontal ? valueAxis : categoryAxis,
			yAxis: spec.horizontal ? categoryAxis : valueAxis,
			series: spec.series.map((series, index) => ({
				name: series.name,
				type: spec.kind,
				// A place without a value keeps its row, labelled with the reason.
				data: series.data.map((value) => (value === null ? (spec.kind === "bar" ? 0 : "-") : value)),
				connectNulls: false,
				symbolSize: 8,
				lineStyle: { width: 3 },
				label: {
					show: true,
					color: ink,
					// On lines, the second series is labelled below its points, apart from the first.
					position: spec.horizontal ? "right" : (index === 1 ? "bottom" : "top"),
					formatter: (point) => series.labels[point.dataIndex] || "",
				},
			})),
		};
	};

	charts.forEach((element) => {
		let spec;
		try {
			spec = JSON.parse(element.dataset.chart);
		} catch (malformed) {
			return;
		}
		element.classList.add("chart-ready");
		element.style.height = heightOf(spec) + "px";
		const chart = window.echarts.init(element, null, { renderer: "canvas" });
		chart.setOption(option(spec, element.clientWidth));
		drawn.push({ chart, spec, element });
	});

	let pending = null;
	window.addEventListener("resize", () => {
		window.clearTimeout(pending);
		pending = window.setTimeout(() => {
			drawn.forEach(({ chart, spec, element }) => {
				chart.setOption(option(spec, element.clientWidth));
				chart.resize();
			});
		}, 150);
	});
});
