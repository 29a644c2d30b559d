package dev.vai.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands what a filter left in the request (the caller, the request context) to the controller methods that declare
 * its type. Each package registers the one for its own type.
 */
public final class RequestArgumentResolver<T> implements HandlerMethodArgumentResolver {

    private final Class<T> type;
    private final Function<HttpServletRequest, T> reader;

    private RequestArgumentResolver(Class<T> type, Function<HttpServletRequest, T> reader) {
        this.type = type;
        this.reader = reader;
    }

    /** Parameters of {@code type} get what {@code reader} reads from the request. */
    public static <T> HandlerMethodArgumentResolver of(Class<T> type, Function<HttpServletRequest, T> reader) {
        return new RequestArgumentResolver<>(type, reader);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == type;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return reader.apply(request.getNativeRequest(HttpServletRequest.class));
    }
}
