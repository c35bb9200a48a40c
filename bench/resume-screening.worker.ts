/** Worker for the screening benchmark: extracts and screens the PDFs it is sent, returns its timings. */
import { parentPort } from "node:worker_threads";
import { extractResumeText } from "../src/modules/screening/resume-extract.js";
import { proposeChecklist } from "../src/modules/screening/screening-checklist.js";
import { proposeScreen } from "../src/modules/screening/screen-resume.js";

const checklist = proposeChecklist({
  level: "senior",
  stackTags: ["celery", "redis", "docker", "aws"],
});

parentPort?.on("message", (files: Uint8Array[]) => {
  void (async () => {
    const started = performance.now();
    let met = 0;
    for (const bytes of files) {
      const extracted = await extractResumeText({ filename: "resume.pdf", bytes });
      met += proposeScreen({ text: extracted.text, checklist, level: "senior" }).summary.met;
    }
    parentPort?.postMessage({ milliseconds: performance.now() - started, met });
  })();
});
