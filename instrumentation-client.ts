// Runs in the browser before the app: zod's JIT probe (`new Function`) would be a CSP violation
// under the nonce policy, so zod runs jitless in every form.
import "@/app/_components/zod-client";
