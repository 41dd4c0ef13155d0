// The same site as eleventy.config.ts with the HTML minifier off: the benchmark builds it
// too, and the difference in wall time is what minification costs.
import defaultConfig, { config } from "../eleventy.config.js";

type Host = Parameters<typeof defaultConfig>[0];

export default function (eleventyConfig: Host) {
  const withoutMinify = new Proxy(eleventyConfig, {
    get(target, property) {
      if (property === "addPlugin") return (plugin: Parameters<Host["addPlugin"]>[0], options?: object) => target.addPlugin(plugin, { ...options, minify: false });
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  defaultConfig(withoutMinify);
}

export { config };
