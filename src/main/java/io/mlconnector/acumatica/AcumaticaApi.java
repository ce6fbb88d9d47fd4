package io.mlconnector.acumatica;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/** Acumatica's contract-based REST API and its OAuth token endpoint, relative to the tenant base URL. */
@Produces(MediaType.APPLICATION_JSON)
public interface AcumaticaApi {

    @POST
    @Path("/identity/connect/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response token(MultivaluedMap<String, String> form);

    /** Legacy cookie sign-in; answers 204 with the session cookies. */
    @POST
    @Path("/entity/auth/login")
    @Consumes(MediaType.APPLICATION_JSON)
    Response login(String body);

    @POST
    @Path("/entity/auth/logout")
    Response logout();

    /** The endpoints and versions the instance publishes. */
    @GET
    @Path("/entity")
    Response endpoints(@HeaderParam("Authorization") String authorization);

    @GET
    @Path("/entity/{endpoint}/{version}/{entity}")
    Response list(@PathParam("endpoint") String endpoint, @PathParam("version") String version,
                  @PathParam("entity") String entity, @RestQuery Map<String, String> query,
                  @HeaderParam("Authorization") String authorization);

    @PUT
    @Path("/entity/{endpoint}/{version}/{entity}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response put(@PathParam("endpoint") String endpoint, @PathParam("version") String version,
                 @PathParam("entity") String entity, @RestQuery Map<String, String> query,
                 @HeaderParam("If-None-Match") String ifNoneMatch, @HeaderParam("If-Match") String ifMatch,
                 @HeaderParam("Authorization") String authorization, String body);

    @POST
    @Path("/entity/{endpoint}/{version}/{entity}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response action(@PathParam("endpoint") String endpoint, @PathParam("version") String version,
                    @PathParam("entity") String entity, @PathParam("action") String action,
                    @HeaderParam("Authorization") String authorization, String body);

    /** Follows a Location header (long-running action status), given relative to the tenant base URL. */
    @GET
    @Path("/{path: .+}")
    Response follow(@PathParam("path") @Encoded String path, @HeaderParam("Authorization") String authorization);
}
