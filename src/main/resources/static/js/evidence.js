// The evidence-gap map, drawn with Apache ECharts as a heat map from the figures in its
// data-heatmap attribute. Progressive enhancement only: every figure is also in the table
// below it, and without this file the map stays hidden.
document.addEventListener("DOMContentLoaded", () => {
	const maps = document.querySelectorAll(".heatmap[data-heatmap]");
	if (!window.echarts || maps.length === 0) {
		return;
	}
	const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
	const ink = "#1b1f24";
	maps.forEach((element) => {
		let spec;
		try {
			spec = JSON.parse(element.dataset.heatmap);
		} catch (malformed) {
			return;
		}
		element.classList.add("chart-ready");
		element.style.height = Math.max(240, spec.y.length * 44 + 160) + "px";
		const chart = window.echarts.init(element, null, { renderer: "canvas" });
		const labelWidth = Math.max(100, Math.min(260, Math.floor(element.clientWidth * 0.35)));
		chart.setOption({
			animation: !reduceMotion,
			textStyle: { fontFamily: "\"Segoe UI\", \"Noto Sans\", \"DejaVu Sans\", Arial, sans-serif", fontSize: 13 },
			grid: { left: labelWidth + 16, right: 16, top: 12, bottom: 110 },
			xAxis: {
				type: "category",
				data: spec.x,
				axisLabel: { color: ink, interval: 0, rotate: 35, width: 120, overflow: "truncate" },
			},
			yAxis: {
				type: "category",
				data: spec.y,
				inverse: true,
				axisLabel: { color: ink, width: labelWidth, overflow: "truncate", interval: 0 },
			},
			visualMap: {
				show: false,
				min: 0,
				max: Math.max(1, spec.max),
				inRange: { color: ["#f4f6f8", "#9ecae1", "#0b4f8a"] },
			},
			series: [{
				type: "heatmap",
				data: spec.cells,
				label: { show: true, color: ink, backgroundColor: "#ffffff", padding: 2 },
			}],
		});
		window.addEventListener("resize", () => chart.resize());
	});
});
