import { defineRule } from '../rule';
import { sdkImage, sizeComparison } from './support/structure-images';
import { buildOutputs, multiStageSplitFix } from './support/structure-split';
import { runsAnApplication } from './support/structure-stages';

export default defineRule({
  id: 'sdk-base-in-shipped-stage',
  code: 'LW121',
  aliases: {},
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: 'The shipped image is built on a compiler or SDK image (golang, rust, maven, gradle, a JDK, the .NET SDK).',
    rationale: [
      'SDK images carry the whole toolchain: `golang` is about 750 MB, the .NET SDK about 820 MB, while the',
      'program they build needs a few megabytes of runtime (`gcr.io/distroless/static` is 2.4 MB, the ASP.NET',
      'runtime about 215 MB). Build in a `builder` stage on the SDK image and start the shipped stage from the',
      'matching runtime image, copying only the build output with `COPY --from=builder`. The image gets',
      'smaller, pulls faster, and no longer ships a compiler to whoever gets into the container.',
    ].join('\n'),
    examples: {
      invalid: [
        'FROM golang:1.25-alpine\nWORKDIR /src\nCOPY . .\nRUN go build -o /src/server .\nENTRYPOINT ["/src/server"]\n',
        'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\nENTRYPOINT ["dotnet", "/app/api.dll"]\n',
      ],
      valid: [
        'FROM golang:1.25-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/server .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/server /server\nENTRYPOINT ["/server"]\n',
        'FROM golang:1.25\nRUN go install golang.org/x/tools/gopls@v0.16.2\n',
      ],
    },
    differences: [
      'Only images that start an application (a CMD or ENTRYPOINT that is not a bare shell, and not a development',
      'or test command) are judged: a CI or development image built on an SDK is what it means to be.',
    ].join(' '),
  },
  fix: {
    availability: 'sometimes',
    safety: 'suggestion',
    reason: [
      'A suggestion: the rewrite copies the working directory (and the `-o` output of `go build` / `dotnet',
      'publish`) into the runtime image, and what else the program needs at run time cannot be known. Offered',
      'when a runtime image can be named for the tag, the stage has an absolute WORKDIR and is not built on',
      'another stage.',
    ].join(' '),
  },
  create(context) {
    const { model } = context;
    return {
      stage(stage) {
        if (stage.baseStage) return;
        // Cheap test first: most bases are no SDK image.
        const sdk = sdkImage(stage.base);
        if (!sdk || !model.shippedStage || !runsAnApplication(model.shippedStage)) return;
        const runtime = sdk.runtime;
        const fix = runtime ? multiStageSplitFix(model, stage, { runtime, extraPaths: buildOutputs(stage) }) : null;
        const target = runtime ? ` such as \`${runtime.image}\`${sizeComparison(stage.base.resolved, runtime.image)}` : '';
        context.report({
          range: stage.base.range,
          message: `\`${stage.base.raw}\` ships ${sdk.label} in the image: build in a builder stage and copy the output into a runtime image${target}`,
          fixes: fix ? [fix] : [],
        });
      },
    };
  },
});
