<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("keywardTermsTitle")}
    <#elseif section = "form">
        <div id="keyward-terms-text">
            ${kcSanitize(msg(keywardTermsTextKey))?no_esc}
        </div>
        <p id="keyward-terms-version">${msg("keywardTermsVersion", keywardTermsVersion)}</p>
        <#if keywardTermsUrl??>
            <p><a id="keyward-terms-link" href="${keywardTermsUrl}" rel="noopener noreferrer" target="_blank">${msg("keywardTermsReadFull")}</a></p>
        </#if>
        <form id="keyward-terms-form" action="${url.loginAction}" method="post">
            <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonLargeClass!}"
                        type="submit" name="accept" id="keyward-terms-accept">${msg("keywardTermsAccept")}</button>
                <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonLargeClass!}"
                        type="submit" name="decline" id="keyward-terms-decline">${msg("keywardTermsDecline")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
