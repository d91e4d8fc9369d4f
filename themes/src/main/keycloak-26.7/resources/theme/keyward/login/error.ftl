<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${kcSanitize(msg("errorTitle"))?no_esc}
    <#elseif section = "form">
        <div id="kc-error-message">
        <#-- keyward:begin An OAuth 2.1 rejection the user cannot be sent back from: say in plain words what happened. -->
        <#if message?has_content && message.summary?starts_with("Keyward rule ")>
            <p id="keyward-rejection" class="instruction">${msg("keywardRejectedRequest")}</p>
            <p class="instruction"><strong>${msg("keywardRejectedRequestDetails")}</strong></p>
        </#if>
        <#-- keyward:end -->
            <p class="instruction">${kcSanitize(message.summary)?no_esc}</p>
            <#if traceId??>
                <p class="instruction" id="traceId">${msg("traceIdSupportMessage", traceId)}</p>
            </#if>
            <#if skipLink??>
            <#else>
                <#if client?? && client.baseUrl?has_content>
                    <p><a id="backToApplication" href="${client.baseUrl}">${msg("backToApplication")}</a></p>
                </#if>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>