package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing in to the portal through the real Keycloak login page, in headless Chromium. */
class PortalBrowserIT {

    @Test
    void ann_signs_in_and_sees_her_name_tenant_and_quota_but_not_the_admin_page() {
        try (Browser browser = new Browser()) {
            browser.signIn("ann", "/");

            assertEquals("ann · acme", browser.textOf(By.id("signed-in-user")));
            assertEquals("Tenant: acme", browser.textOf(By.id("tenant-name")));
            browser.waitForText(By.id("quota"), "vCPUs");
            assertTrue(browser.isPresent(By.id("nav-dashboard")));
            assertFalse(browser.isPresent(By.id("nav-tenants")), "tenant users get no admin navigation");
            assertFalse(browser.isPresent(By.id("nav-nodes")));
            browser.screenshot("dashboard");

            browser.open("/admin/tenants");
            assertEquals("Access denied", browser.textOf(By.id("access-denied")));
            assertFalse(browser.isPresent(By.id("tenants")));
        }
    }

    @Test
    void the_cloud_admin_opens_the_tenant_list_with_every_tenant_and_its_quota() {
        try (Browser tenant = new Browser()) {
            tenant.signIn("bob", "/");
            tenant.textOf(By.id("tenant-name"));
        }
        try (Browser browser = new Browser()) {
            browser.signIn("admin", "/");
            // A cloud admin's home is the cloud overview: the local node's capacity, placed against available.
            browser.waitForText(By.id("overview-nodes"), "local");
            assertTrue(browser.currentUrl().endsWith("/admin"), browser.currentUrl());
            assertTrue(browser.textOf(By.id("overview-nodes")).contains(" %)"), browser.textOf(By.id("overview-nodes")));
            browser.waitFor(By.id("overview-failed"));
            browser.screenshot("overview");
            browser.click(By.id("nav-tenants"));

            browser.waitForText(By.id("tenants"), "globex");
            assertTrue(browser.currentUrl().endsWith("/admin/tenants"), browser.currentUrl());
            browser.screenshot("tenants");

            browser.click(By.id("nav-nodes"));
            browser.waitForText(By.id("nodes"), "qemu:///system");
        }
    }

    @Test
    void a_link_to_a_page_opens_that_page_after_signing_in_though_keycloak_returns_only_to_the_sign_in_page() {
        try (Browser browser = new Browser()) {
            browser.signIn("ann", "/instances/new?from=mail");

            browser.waitFor(By.id("order-summary"));
            assertEquals(Api.PORTAL + "/instances/new?from=mail", browser.currentUrl());
        }
        // Not signed in, a page is not reached by a path that only looks like the REST API's.
        Api.Reply dodged = Api.fetch(URI.create(Api.PORTAL + "/api/../instances"), java.util.Map.of("Accept", "text/html"));
        assertEquals(302, dodged.status(), dodged.body());
        assertTrue(dodged.location().endsWith("/sso/login"), dodged.location());
        // A wildcard would let a crafted link hand the authorization code to another page of the portal.
        assertEquals(200, authorize(Api.PORTAL + "/sso/login").status());
        assertEquals(400, authorize(Api.PORTAL + "/instances").status());
        assertEquals(400, authorize(Api.PORTAL + "/sso/login/../signout").status());
    }

    private static Api.Reply authorize(String redirectUri) {
        return Api.fetch(URI.create(Api.KEYCLOAK + "/realms/minicloud/protocol/openid-connect/auth"
                + "?response_type=code&scope=openid&client_id=minicloud-portal"
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)));
    }

    @Test
    void signing_out_ends_the_keycloak_session_too() {
        try (Browser browser = new Browser()) {
            browser.signIn("bob", "/");
            browser.textOf(By.id("signed-in-user"));

            browser.click(By.id("sign-out"));

            browser.waitFor(By.id("username"));
            browser.open("/");
            browser.waitFor(By.id("username"));
            assertTrue(browser.currentUrl().contains("/realms/minicloud/"), browser.currentUrl());
        }
    }

    @Test
    void a_browser_asking_for_chinese_gets_the_portal_in_simplified_chinese() {
        try (Browser browser = new Browser("zh-CN")) {
            browser.signIn("bob", "/");

            assertEquals("租户：globex", browser.textOf(By.id("tenant-name")));
            assertTrue(browser.title().startsWith("概览"), browser.title());
        }
    }
}
