// Parses Prometheus text exposition from stdin with a third-party parser and prints the families as JSON.
// A parse error exits non-zero, so the Java test that runs it fails.
import parsePrometheusTextFormat from 'parse-prometheus-text-format';

let text = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) text += chunk;
process.stdout.write(JSON.stringify(parsePrometheusTextFormat(text)));
