import { buildApp } from './build-app';

// Context (stage, allowedOrigins, …) comes from cdk.json and `cdk synth -c key=value`.
buildApp().app.synth();
