package dev.actionpack.portal;

import dev.actionpack.support.ApiTest.PartnerLogin;
import dev.actionpack.support.PageBrowser;
import java.net.http.HttpResponse;

/** A {@link PageBrowser} that signs partner users in to the portal. */
final class PortalBrowser extends PageBrowser {

  PortalBrowser(int port) {
    super(port);
  }

  HttpResponse<String> signIn(PartnerLogin partner) throws Exception {
    return signIn("/portal/login", partner.username(), partner.password());
  }

  String signInAndGet(PartnerLogin partner, String path) throws Exception {
    signIn(partner);
    return get(path).body();
  }
}
