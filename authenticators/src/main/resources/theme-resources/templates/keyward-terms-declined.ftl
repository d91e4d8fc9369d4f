<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("keywardTermsDeclinedTitle")}
    <#elseif section = "form">
        <p id="keyward-terms-declined-text">${msg("keywardTermsDeclinedText", keywardTermsVersion)}</p>
        <form id="keyward-terms-declined-form" action="${url.loginAction}" method="post">
            <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                    type="submit" name="back" id="keyward-back-to-application">${msg("keywardBackToApplication")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
