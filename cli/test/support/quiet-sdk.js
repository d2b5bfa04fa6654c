// jest setupFiles: the AWS SDK's Node 20 end-of-support notice is not a test result.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
