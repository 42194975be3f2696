// electron-builder `afterPack` hook (electron-builder.yml): flips the Electron fuses of the packed
// binary before it is signed, so the shipped app cannot be turned into a plain Node runtime.
// The config is exported as data: test/backend/fuses.test.ts checks it and runs the hook.
const path = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

const fuseConfig = Object.freeze({
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The UI is served from app://, never file://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

/** The packed Electron executable, named the way electron-builder names it per platform. */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'linux') return path.join(appOutDir, packager.executableName);
  const ext = { win32: '.exe', darwin: '.app', mas: '.app' }[electronPlatformName] ?? '';
  return path.join(appOutDir, `${packager.appInfo.productFilename}${ext}`);
}

async function afterPack(context) {
  // An arm64 macOS build must be re-signed ad hoc once its binary has changed.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === 3; // builder-util Arch.arm64
  await flipFuses(executablePath(context), { ...fuseConfig, resetAdHocDarwinSignature });
}

module.exports = { afterPack, default: afterPack, fuseConfig, executablePath };
