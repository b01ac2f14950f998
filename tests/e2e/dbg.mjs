import { startServer } from './server.mjs';
import { launchFirefox } from './drivers/firefox.mjs';
import firefox from 'selenium-webdriver/firefox.js';
const server = await startServer();
const drv = await launchFirefox({ extDir: '/work/main/dist/test-firefox', proxyPort: server.port });
await drv.goto(server.origin + '/basic.html');
const wd = drv.wd;
const before = await wd.getAllWindowHandles();
await wd.setContext(firefox.Context.CHROME);
await wd.executeScript(`const tab = gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); gBrowser.selectedTab = tab;`, drv.extensionBase + 'popup/popup.html?tab=-1');
await wd.setContext(firefox.Context.CONTENT);
const after = await wd.getAllWindowHandles();
const h = after.find(x => !before.includes(x));
await wd.switchTo().window(h);
await new Promise(r => setTimeout(r, 1000));
console.log(await wd.executeScript('return location.href'));
try { console.log(await wd.executeScript('return typeof browser + " " + typeof window.browser + " " + typeof (window.wrappedJSObject && window.wrappedJSObject.browser)')); } catch (e) { console.log('e', e.message); }
try { console.log(JSON.stringify(await wd.executeAsyncScript('const cb = arguments[arguments.length-1]; browser.storage.session.get(null).then(x => cb(x), e => cb(String(e)))'))); } catch (e) { console.log('e2', e.message); }
await drv.close(); await server.close();
